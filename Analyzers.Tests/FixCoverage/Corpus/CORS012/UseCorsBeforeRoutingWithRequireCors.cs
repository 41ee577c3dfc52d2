var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("uploads", policy => policy
    .WithOrigins("https://upload.adatum.com")
    .WithMethods("PUT")
    .AllowAnyHeader()));

var app = builder.Build();
app.UseCors();
app.UseRouting();
app.MapPut("/files/{name}", (string name) => Results.NoContent()).RequireCors("uploads");
app.Run();
