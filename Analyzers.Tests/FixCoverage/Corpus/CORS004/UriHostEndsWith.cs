var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("Tenants", policy =>
        policy.SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith("contoso.com"))
            .AllowAnyMethod()
            .AllowAnyHeader()
            .AllowCredentials());
});
builder.Services.AddControllers();

var app = builder.Build();
app.UseRouting();
app.UseCors("Tenants");
app.UseAuthorization();
app.MapControllers();
app.Run();
