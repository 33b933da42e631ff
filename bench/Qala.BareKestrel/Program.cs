// Kestrel with nothing behind it: reads a posted form and answers with a redirect, as the suggestion form does, so
// that bench/participation-form.sh can show Qala's rate beside what the web server alone sustains on this machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/suggest", async (HttpRequest request) =>
{
    var form = await request.ReadFormAsync();
    return Results.Redirect($"/suggestions/{form["Text"].ToString().Length}");
});
app.Run();
