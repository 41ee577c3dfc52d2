// A reporting API read by the dashboard SPA. The policy is registered, but UseCors is missing:
// no response carries CORS headers and the browser blocks every call.
const string Dashboard = "dashboard";

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
    options.AddPolicy(Dashboard, policy => policy.WithOrigins("https://dashboard.contoso.com"))); // expect: CORS011

var app = builder.Build();
app.UseRouting();
app.MapGet("/reports/daily", () => new[] { 42, 17, 8 });
app.Run();
