// A small storefront API with a browser front end on another origin.
// Lines marked "expect: CORSnnn" carry a CORS mistake that the analyzers report.
using CorsSample;
using Microsoft.AspNetCore.Cors.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddPartnerCors();
builder.Services.AddConfiguredCors(builder.Configuration);
builder.Services.AddControllers();
builder.Services.AddAuthorization();
builder.Services.AddSignalR();
builder.Services.AddCors(options =>
{
    // The storefront SPA sends the session cookie, so the policy allows credentials...
    // ...and someone "fixed" a CORS error in development by allowing every origin.
    options.AddPolicy(CorsPolicies.Storefront, policy => policy
        .AllowAnyOrigin() // expect: CORS001
        .AllowAnyHeader()
        .WithMethods("GET", "POST")
        .AllowCredentials());

    // Partner widgets only read public data: no credentials, listed origins.
    options.AddPolicy(CorsPolicies.Partners, policy => policy
        .WithOrigins("https://widgets.fabrikam.com", "https://shop.adventure-works.com")
        .WithMethods("GET"));
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseLegacyCors();
app.UseCors("widgets"); // partner widgets are embedded on every page
app.UseAuthorization();
app.UseCors(); // expect: CORS012 expect: CORS023

app.MapGet("/products", (ProductCatalog catalog) => catalog.All())
    .RequireCors(CorsPolicies.Partners);

app.MapPost("/cart/items", (CartItem item, ProductCatalog catalog) =>
        catalog.Find(item.ProductId) is { } product
            ? Results.Ok(new { product.Name, item.Quantity })
            : Results.NotFound())
    .RequireCors(CorsPolicies.Storefront);

app.MapGet("/partners/feed", (ProductCatalog catalog) => catalog.All())
    .RequireCors("partner"); // expect: CORS013

app.MapControllers();
app.MapLiveUpdates();

// The checkout widget builds its own policy inline.
app.MapPost("/checkout", () => Results.Accepted())
    .RequireCors(policy => policy.WithOrigins(CorsPolicies.AnyOrigin).AllowCredentials()); // expect: CORS001

app.Run();
