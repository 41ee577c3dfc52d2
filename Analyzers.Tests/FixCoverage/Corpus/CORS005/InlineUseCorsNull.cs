var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors();
var app = builder.Build();

app.UseCors(cors => cors
    .WithOrigins("null", "https://help.fabrikam.com")
    .WithMethods("GET", "POST")
    .AllowAnyHeader());

app.MapPost("/feedback", () => Results.Accepted());
app.Run();
