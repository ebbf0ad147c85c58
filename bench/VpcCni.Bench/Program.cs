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
    var all = typeof(IBenchmarkSuite).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
        .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
    var filterText = parse.GetValue(filter);
    var suites = all.Where(s => filterText is null || s.Name.Contains(filterText, StringComparison.OrdinalIgnoreCase)).ToList();
    var options = new BenchOptions(parse.GetValue(quick));
    var file = parse.GetValue(output)!;
    var run = $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}, .NET {Environment.Version}, Release build{(options.Quick ? ", **quick mode (not meaningful)**" : string.Empty)}";

    // A filtered run keeps every other suite's section (and the header of the last full run) as it was.
    PerformanceDocument document;
    if (filterText is not null && file.Exists)
    {
        document = PerformanceDocument.Parse(await File.ReadAllTextAsync(file.FullName, ct).ConfigureAwait(false));
    }
    else
    {
        var header = new StringBuilder();
        header.AppendLine("# Performance").AppendLine();
        header.AppendLine("Every figure below was produced by one run of");
        header.AppendLine().AppendLine("```").AppendLine("dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench").AppendLine("```").AppendLine();
        header.AppendLine(CultureInfo.InvariantCulture, $"Run: {run}.");
        header.AppendLine("Benchmarks are not timed tests: nothing fails on a slow figure. Each table puts the reference run beside ours, measured in the same process run on the same machine.");
        header.AppendLine("A section marked \"re-measured alone\" comes from a later `-Filter` run of that suite only.");
        document = PerformanceDocument.Empty(header.ToString());
    }

    foreach (var suite in suites)
    {
        Console.Error.WriteLine($"bench: {suite.Name} …");
        var section = new StringBuilder();
        if (filterText is not null)
        {
            section.AppendLine(CultureInfo.InvariantCulture, $"Re-measured alone: `dotnet pwsh ./build.ps1 -Task Bench -Filter {filterText}`, {run}.").AppendLine();
        }

        if (suite.CannotRunReason() is { } reason)
        {
            section.AppendLine(CultureInfo.InvariantCulture, $"Not run: {reason}");
        }
        else
        {
            section.AppendLine((await suite.RunAsync(options, ct).ConfigureAwait(false)).TrimEnd());
        }

        document.Set(suite.Title, section.ToString());
    }

    file.Directory?.Create();
    await File.WriteAllTextAsync(file.FullName, document.Render(all.Select(s => s.Title)), ct).ConfigureAwait(false);
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
