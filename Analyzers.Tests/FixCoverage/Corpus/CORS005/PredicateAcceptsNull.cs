var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("electron", policy => policy
        .SetIsOriginAllowed(origin => origin == "null" || origin == "https://desktop.litware.com")
        .AllowAnyHeader()
        .AllowAnyMethod());
});

var app = builder.Build();
app.UseCors("electron");
app.MapGet("/sync", () => Results.Ok());
app.Run();
