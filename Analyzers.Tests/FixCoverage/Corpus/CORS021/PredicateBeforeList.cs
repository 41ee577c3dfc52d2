var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(o => o.AddPolicy("web", p => p
    .SetIsOriginAllowed(origin =>
    {
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        return origin.StartsWith("http://localhost:", StringComparison.Ordinal);
    })
    .WithOrigins("https://www.contoso.com")
    .AllowAnyHeader()));

var app = builder.Build();
app.UseCors("web");
app.MapGet("/api/items", () => new[] { "a", "b" });
app.Run();
