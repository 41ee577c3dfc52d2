// ---- file: Program.cs
using Uploads.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddUploadsCors();
var app = builder.Build();
app.UseCors("uploads");
app.MapPost("/upload", () => Results.Ok());
app.Run();
// ---- file: HostingExtensions.cs
namespace Uploads.Api.Hosting;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddUploadsCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("uploads", policy => policy
            .SetIsOriginAllowed(_ => true)
            .WithMethods("POST", "PUT")
            .AllowAnyHeader()
            .AllowCredentials()));
        return builder;
    }
}
