var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options =>
{
    options.AddPolicy("DevFrontends", policy =>
    {
        policy.SetIsOriginAllowed(origin => origin.Contains("localhost"))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials();
    });
});

var app = builder.Build();
app.UseCors("DevFrontends");
app.UseAuthorization();
app.MapControllers();
app.Run();
