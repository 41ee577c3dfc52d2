using System.Text.RegularExpressions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("preview-sites", policy =>
    {
        policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"https://[a-z0-9-]+\.preview\.adatum\.com"));
        policy.AllowAnyHeader();
        policy.AllowAnyMethod();
    });
});

var app = builder.Build();
app.UseCors("preview-sites");
app.MapGet("/content", () => Results.Ok());
app.Run();
