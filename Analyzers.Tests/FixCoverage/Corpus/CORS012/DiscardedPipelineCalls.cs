// A project that discards the result of every pipeline call (its style asks for it).
var builder = WebApplication.CreateBuilder(args);
_ = builder.Services.AddAuthentication();
_ = builder.Services.AddAuthorization();
_ = builder.Services.AddControllers();
_ = builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy
    .WithOrigins("https://app.contoso.com")
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));

var app = builder.Build();
_ = app.UseHttpsRedirection();
_ = app.UseAuthentication();
_ = app.UseAuthorization();
_ = app.UseCors("spa");
_ = app.MapControllers().RequireAuthorization();
app.Run();
