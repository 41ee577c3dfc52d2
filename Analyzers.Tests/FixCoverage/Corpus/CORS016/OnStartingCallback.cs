// ---- file: Program.cs
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseMiddleware<Media.Cdn.ResponseHeadersMiddleware>();
app.MapGet("/media/{id}", (string id) => Results.Ok(id));
app.Run();
// ---- file: ResponseHeadersMiddleware.cs
namespace Media.Cdn;

public class ResponseHeadersMiddleware
{
    private readonly RequestDelegate _next;

    public ResponseHeadersMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Access-Control-Allow-Origin", "https://player.wingtip.com");
            context.Response.Headers.Append("Access-Control-Expose-Headers", "Content-Range");
            return Task.CompletedTask;
        });

        await _next(context);
    }
}
