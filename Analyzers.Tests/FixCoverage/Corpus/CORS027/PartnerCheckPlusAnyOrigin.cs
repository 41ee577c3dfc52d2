var builder = WebApplication.CreateBuilder(args);
var partners = builder.Configuration.GetSection("Partners:Hosts").Get<string[]>() ?? [];

builder.Services.AddCors(options =>
{
    options.AddPolicy("partners", policy => policy
        .SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && partners.Contains(uri.Host))
        .AllowAnyOrigin()
        .AllowAnyHeader()
        .AllowAnyMethod());
});

var app = builder.Build();
app.UseCors("partners");
app.MapGet("/feed", () => "feed");
app.Run();
