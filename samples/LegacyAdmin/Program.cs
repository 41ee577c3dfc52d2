// An admin site built with Razor Pages. AddRazorPages does not register the CORS services,
// so this app fails at startup with "Unable to resolve service for type ICorsService".
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseStaticFiles();
app.UseRouting();
app.UseCors(policy => policy.WithOrigins("https://admin.contoso.com")); // expect: CORS010
app.MapRazorPages();
app.Run();
