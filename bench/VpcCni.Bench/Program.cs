using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using VpcCni.Bench;

var output = new Option<FileInfo>("--output") { Description = "Markdown file to write", DefaultValueFactory = _ => new FileInfo("docs/PERFORMANCE.md") };
var filter = new Option<string?>("--filter") { Description = "Run only suites whose name contains this text" };
var quick = new Option<bool>("--quick") { Description = "Few iterations: checks the harness, figures are not meaningful" };
var command = new RootCommand("VpcCni benchmarks: writes figures with the command and the reference run beside them.") { output, filter, quick };
command.SetAction(async (parse, ct) =>
{
    var suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
        .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
        .Where(s => parse.GetValue(filter) is not { } f || s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
    var options = new BenchOptions(parse.GetValue(quick));
    var doc = new StringBuilder();
    doc.AppendLine("# Performance").AppendLine();
    doc.AppendLine("Every figure below was produced by one run of");
    doc.AppendLine().AppendLine("```").AppendLine("dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench").AppendLine("```").AppendLine();
    doc.AppendLine(CultureInfo.InvariantCulture, $"Run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}, .NET {Environment.Version}, Release build{(options.Quick ? ", **quick mode (not meaningful)**" : string.Empty)}.");
    doc.AppendLine("Benchmarks are not timed tests: nothing fails on a slow figure. Each table puts the reference run beside ours, measured in the same process run on the same machine.").AppendLine();
    foreach (var suite in suites)
    {
        Console.Error.WriteLine($"bench: {suite.Name} …");
        doc.AppendLine(CultureInfo.InvariantCulture, $"## {suite.Title}").AppendLine();
        if (suite.CannotRunReason() is { } reason)
        {
            doc.AppendLine(CultureInfo.InvariantCulture, $"Not run: {reason}").AppendLine();
            continue;
        }

        doc.AppendLine((await suite.RunAsync(options, ct).ConfigureAwait(false)).TrimEnd()).AppendLine();
    }

    var file = parse.GetValue(output)!;
    file.Directory?.Create();
    await File.WriteAllTextAsync(file.FullName, doc.ToString(), ct).ConfigureAwait(false);
    Console.Error.WriteLine($"bench: wrote {file.FullName}");
    return 0;
});
return await command.Parse(args).InvokeAsync().ConfigureAwait(false);

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    return $"{Environment.ProcessorCount} × {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {RuntimeInformation.OSDescription}";
}
