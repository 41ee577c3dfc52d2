const string FrontendHost = "https://web.proseware.com";

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("web", policy => policy
    .WithOrigins(FrontendHost + "/", "http://localhost:" + "5173")
    .AllowAnyHeader()
    .AllowAnyMethod()));

var app = builder.Build();
app.UseCors("web");
app.MapGet("/api/products", () => Results.Ok());
app.Run();
