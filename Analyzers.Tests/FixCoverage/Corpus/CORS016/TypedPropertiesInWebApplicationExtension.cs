var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseOpenAccess();
app.MapGet("/files/{name}", (string name) => Results.Ok(name));
app.Run();

public static class AccessControlExtensions
{
    /// <summary>Lets any page read the files.</summary>
    public static WebApplication UseOpenAccess(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowHeaders = "*";
            context.Response.Headers.AccessControlAllowMethods = "*";
            await next(context);
        });

        return app;
    }
}
