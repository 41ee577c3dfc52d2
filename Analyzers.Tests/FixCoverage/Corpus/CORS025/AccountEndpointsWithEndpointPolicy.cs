var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication("cookie").AddCookie("cookie");
builder.Services.AddAuthorization();
builder.Services.AddCors(options => options.AddPolicy("storefront", policy => policy
    .WithOrigins("https://shop.contoso.com")
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));

var app = builder.Build();
app.UseCors();
app.MapPut("/account/address", () => Results.NoContent())
    .RequireCors("storefront")
    .RequireAuthorization();
app.Run();
