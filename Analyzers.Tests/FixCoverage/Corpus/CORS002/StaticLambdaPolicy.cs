var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(static options => options.AddPolicy("signalr", static policy => policy
    .SetIsOriginAllowed(static _ => true)
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));
builder.Services.AddSignalR();

var app = builder.Build();
app.UseCors("signalr");
app.MapGet("/", () => "ok");
app.Run();
