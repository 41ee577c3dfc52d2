var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("open", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
var app = builder.Build();

app.UseExportHeaders();
app.UseCors("open");
app.MapGet("/export", () => Results.File(new byte[] { 1 }, "application/octet-stream", "export.bin"));
app.Run();

public class ExportHeaders
{
    private readonly RequestDelegate next;

    public ExportHeaders(RequestDelegate next) => this.next = next;

    public async Task Invoke(HttpContext context)
    {
        context.Response.Headers.Add("Access-Control-Allow-Origin", "*");
        context.Response.Headers.Add("Access-Control-Expose-Headers", "*");
        await next(context);
    }
}

public static class ExportHeadersExtensions
{
    public static IApplicationBuilder UseExportHeaders(this IApplicationBuilder app) => app.UseMiddleware<ExportHeaders>();
}
