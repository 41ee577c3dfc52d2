// The account API of the storefront SPA, which calls it with the session cookie. The app never calls UseAuthorization,
// so WebApplication adds authentication and authorization itself, before UseCors: the preflight of every call to
// /account/address is answered with the sign-in redirect, without CORS headers, and the browser blocks the call.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication("cookie").AddCookie("cookie");
builder.Services.AddAuthorization();
builder.Services.AddCors(options => options.AddPolicy("storefront", policy => policy
    .WithOrigins("https://shop.contoso.com")
    .AllowAnyHeader()
    .WithMethods("PUT")
    .AllowCredentials()));

var app = builder.Build();
app.UseCors(); // expect: CORS025
app.MapPut("/account/address", () => Results.NoContent())
    .RequireCors("storefront")
    .RequireAuthorization();
app.Run();
