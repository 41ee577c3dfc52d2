var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(o => o.AddPolicy("company", p => p
    .SetIsOriginAllowed(origin => origin.EndsWith("mydomain.com"))
    .AllowAnyHeader()
    .AllowAnyMethod()));

var app = builder.Build();
app.UseCors("company");
app.MapGet("/api/people", () => Results.Ok());
app.Run();
