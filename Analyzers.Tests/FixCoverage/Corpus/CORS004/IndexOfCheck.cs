var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("partners", policy =>
{
    policy.SetIsOriginAllowed(origin => origin.IndexOf("partner.wingtip.com", StringComparison.OrdinalIgnoreCase) >= 0);
    policy.WithMethods("GET");
}));

var app = builder.Build();
app.UseCors("partners");
app.MapGet("/catalog", () => Results.Ok());
app.Run();
