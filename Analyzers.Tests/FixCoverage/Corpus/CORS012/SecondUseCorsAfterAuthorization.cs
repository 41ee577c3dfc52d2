// Two UseCors calls: one at the right place, one after authorization. No move can make the second one first.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddAuthentication();
builder.Services.AddAuthorization();
builder.Services.AddCors(options =>
{
    options.AddPolicy("Spa", p => p.WithOrigins("https://app.tailspin.example").AllowAnyHeader());
    options.AddPolicy("Admin", p => p.WithOrigins("https://admin.tailspin.example").AllowAnyHeader());
});

var app = builder.Build();
app.UseCors("Spa");
app.UseAuthentication();
app.UseAuthorization();
app.UseCors("Admin");
app.MapControllers();
app.Run();
