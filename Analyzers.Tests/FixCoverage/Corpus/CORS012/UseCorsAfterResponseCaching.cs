var builder = WebApplication.CreateBuilder(args);
builder.Services.AddResponseCaching();
builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins("https://news.northwind.com")));

var app = builder.Build();
app.UseResponseCaching();
app.UseCors();
app.MapGet("/headlines", () => Results.Ok());
app.Run();
