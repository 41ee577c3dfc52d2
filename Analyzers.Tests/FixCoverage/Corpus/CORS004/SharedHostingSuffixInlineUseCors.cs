var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.UseHttpsRedirection();
app.UseCors(x => x
    .SetIsOriginAllowed(origin => origin.EndsWith(".vercel.app"))
    .AllowAnyMethod()
    .AllowAnyHeader()
    .AllowCredentials());

app.MapGet("/api/todos", () => Results.Ok());
app.Run();
