// "Anything on the dev server's port": any host with that port passes.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(o => o.AddPolicy("dev", p => p
    .SetIsOriginAllowed(origin => origin.EndsWith(":3000"))
    .AllowAnyHeader()
    .AllowCredentials()));

var app = builder.Build();
app.UseCors("dev");
app.MapGet("/api/items", () => Array.Empty<string>());
app.Run();
