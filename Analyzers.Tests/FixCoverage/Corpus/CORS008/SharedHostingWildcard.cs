// Preview deployments on a shared host: the wildcard flag would trust every site published there.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddDefaultPolicy(policy =>
    {
        policy.WithOrigins("https://shop.fabrikam.example", "https://*.vercel.app")
            .AllowAnyHeader()
            .AllowAnyMethod();
    });
});

var app = builder.Build();
app.UseCors();
app.MapGet("/api/catalog", () => Results.Ok());
app.Run();
