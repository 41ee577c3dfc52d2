var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();

app.Use(async (context, next) =>
{
    var origin = context.Request.Headers.Origin;
    if (context.Request.Method == "OPTIONS")
    {
        context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
        context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        context.Response.Headers.Append("Access-Control-Allow-Headers", context.Request.Headers.AccessControlRequestHeaders);
        context.Response.Headers.Append("Access-Control-Max-Age", "3600");
        context.Response.StatusCode = 204;
        return;
    }

    context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
    await next();
});

app.MapControllers();
app.Run();
