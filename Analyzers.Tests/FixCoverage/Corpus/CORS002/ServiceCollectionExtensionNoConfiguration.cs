// ---- file: Program.cs
using Notes.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNotesCors();
var app = builder.Build();
app.UseCors(CorsRegistration.Policy);
app.MapGet("/notes", () => Results.Ok());
app.Run();
// ---- file: CorsRegistration.cs
namespace Notes.Api.Configuration;

public static class CorsRegistration
{
    public const string Policy = "notes-client";

    public static void AddNotesCors(this IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy(Policy, policy =>
            {
                policy.AllowAnyHeader();
                policy.AllowAnyMethod();
                policy.SetIsOriginAllowed(origin => true);
                policy.AllowCredentials();
            });
        });
    }
}
