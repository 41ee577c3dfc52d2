#pragma warning disable CORS016
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
    context.Response.Headers["Access-Control-Allow-Credentials"] = true.ToString();
    context.Response.Headers["Vary"] = "Origin";
    await next();
});

app.MapGet("/me", () => "me");
app.Run();
