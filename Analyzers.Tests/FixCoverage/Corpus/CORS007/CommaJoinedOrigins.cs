var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("spa", policy => policy
        .WithOrigins("https://app.northwind.com,https://staging.northwind.com")
        .AllowAnyHeader()
        .AllowAnyMethod()
        .AllowCredentials());
});
builder.Services.AddControllers();

var app = builder.Build();
app.UseCors("spa");
app.MapControllers();
app.Run();
