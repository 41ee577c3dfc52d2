var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
    .WithOrigins("https://dashboard.wingtip.example")
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));

var app = builder.Build();

// Answer the browser's preflight ourselves.
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"];
    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
    if (context.Request.Method == HttpMethods.Options)
    {
        context.Response.StatusCode = 204;
        return;
    }

    await next();
});

app.UseCors();
app.MapGet("/api/tiles", () => Results.Ok());
app.Run();
