using System.Reflection;
using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Architecture;

/// <summary>
/// One error-id catalogue (<see cref="ErrorIds"/>) with one naming scheme, and no id written
/// anywhere else.
/// </summary>
public sealed partial class ErrorIdCatalogueTests
{
    private static List<(string Area, string Field, string Value)> Catalogue() =>
        typeof(ErrorIds).GetNestedTypes()
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (area.Name, f.Name, (string)f.GetRawConstantValue()!)))
            .ToList();

    [Fact]
    public void EveryIdIsItsAreaDotAReason()
    {
        var ids = Catalogue();
        Assert.NotEmpty(ids);
        var wrong = ids.Where(id => !id.Value.StartsWith(id.Area + ".", StringComparison.Ordinal) || !Reason().IsMatch(id.Value[(id.Area.Length + 1)..]))
            .Select(id => $"ErrorIds.{id.Area}.{id.Field} = \"{id.Value}\"");
        Assert.True(!wrong.Any(), string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void NoTwoConstantsShareAnId()
    {
        var shared = Catalogue().GroupBy(id => id.Value).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.True(!shared.Any(), string.Join(Environment.NewLine, shared));
    }

    [Fact]
    public void NoCodeWritesAnErrorIdAsAStringLiteralOrKeepsAnotherCatalogue()
    {
        var offenders = new List<string>();
        foreach (var file in RepositoryFiles.Under("src", ".cs"))
        {
            if (Path.GetFileName(file).StartsWith("ErrorIds.", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (LiteralId().IsMatch(lines[i]) || OtherCatalogue().IsMatch(lines[i]))
                {
                    offenders.Add($"{RepositoryFiles.Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    // PascalCase segments separated by dots (AWS codes such as InvalidNetworkInterfaceID.NotFound keep theirs).
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$")]
    private static partial Regex Reason();

    // A literal in the error-id position: right after the category, as a named errorId argument, or as an ErrorRecord's id.
    [GeneratedRegex(@"VpcCniErrorCategory\.\w+\s*,\s*\$?""|errorId:\s*\$?""|new ErrorRecord\([^,]+,\s*\$?""")]
    private static partial Regex LiteralId();

    [GeneratedRegex(@"class \w+ErrorIds\b")]
    private static partial Regex OtherCatalogue();
}
