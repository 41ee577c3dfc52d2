const string Frontend = "frontend";

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy(Frontend, policy => policy
    .WithOrigins("https://app.contoso.com")
    .AllowAnyHeader()
    .AllowAnyMethod()));
builder.Services.AddControllers();

var app = builder.Build();
app.UseCors(Frontend);
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

app.UseHttpsRedirection();
app.UseCors(Frontend);
app.MapControllers();
app.Run();
