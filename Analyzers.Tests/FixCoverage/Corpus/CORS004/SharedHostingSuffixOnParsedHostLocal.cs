// Preview deployments let in by the hosting suffix of a parsed host; the shop's own origins are exact.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options =>
{
    options.AddPolicy("storefront", policy =>
    {
        policy
            .SetIsOriginAllowed(origin =>
            {
                if (string.IsNullOrWhiteSpace(origin))
                    return false;

                var parsed = new Uri(origin);
                return
                    parsed.Host.EndsWith(".vercel.app") ||
                    origin == "https://tools.fabrikam.example" ||
                    origin == "http://localhost:5173";
            })
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials();
    });
});

var app = builder.Build();
app.UseCors("storefront");
app.UseAuthorization();
app.MapControllers();
app.Run();
