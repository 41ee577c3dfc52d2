var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseStaticFiles();
app.UseRouting();
app.UseCors(policy => policy.WithOrigins("https://cdn.contoso.com").WithMethods("GET"));
app.UseAuthorization();
app.MapRazorPages();
app.Run();
