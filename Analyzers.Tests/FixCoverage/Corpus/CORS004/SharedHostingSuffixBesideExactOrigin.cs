// The production origin is exact; preview deployments are let in by their hosting suffix.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options =>
{
    options.AddPolicy("Frontend", policy =>
        policy.SetIsOriginAllowed(origin =>
                origin == "http://localhost:5173" ||
                origin == "https://budget.contoso.example" ||
                origin.EndsWith(".vercel.app"))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials());
});

var app = builder.Build();
app.UseCors("Frontend");
app.UseAuthorization();
app.MapControllers();
app.Run();
