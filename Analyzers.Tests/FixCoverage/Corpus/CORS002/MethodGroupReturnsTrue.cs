var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddDefaultPolicy(policy => policy
        .SetIsOriginAllowed(AcceptEveryOrigin)
        .AllowAnyHeader()
        .AllowAnyMethod()
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors();
app.MapGet("/ping", () => "pong");
app.Run();

static bool AcceptEveryOrigin(string origin)
{
    return true;
}
