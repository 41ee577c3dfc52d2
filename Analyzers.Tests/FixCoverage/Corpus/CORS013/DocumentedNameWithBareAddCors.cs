var allowSpecificOrigins = "_allowSpecificOrigins";
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors();
var app = builder.Build();

app.UseHttpsRedirection();
app.UseCors(allowSpecificOrigins);
app.UseAuthorization();
app.MapControllers();
app.Run();
