var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("public-widgets", policy =>
        policy.WithOrigins("https://widgets.adatum.com", "*")
            .WithMethods("GET"));
});

var app = builder.Build();
app.UseCors("public-widgets");
app.MapGet("/widgets/{id}", (int id) => Results.Ok(id));
app.Run();
