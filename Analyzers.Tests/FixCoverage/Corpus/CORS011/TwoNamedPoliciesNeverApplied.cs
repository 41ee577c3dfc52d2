// Two named policies, no default one and no endpoint metadata: UseCors() would apply a policy that does not exist.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddCors(options =>
{
    options.AddPolicy("WebClient", policy => policy
        .WithOrigins("https://portal.northwind.example")
        .AllowAnyHeader()
        .AllowAnyMethod());
    options.AddPolicy("PartnerFeeds", policy => policy
        .WithOrigins("https://feeds.partner.example")
        .WithMethods("GET"));
});

var app = builder.Build();
app.UseHttpsRedirection();
app.UseAuthorization();
app.MapControllers();
app.Run();
