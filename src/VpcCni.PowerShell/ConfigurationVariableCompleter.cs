using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.Engine.Configuration;

namespace VpcCni.PowerShell;

/// <summary>
/// Completes the variables a node understands (ConfigurationVariables): names for -Unset, and
/// <c>@{ NAME = '' }</c> for -Variable, with the accepted values and whether the variable applies live as the tooltip.
/// </summary>
public sealed class ConfigurationVariableCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).TrimStart('@', '{', ' ');
        var names = ConfigurationVariables.All.Where(v => !v.IsDeprecated).Select(v => v.Name);
        var matches = CompletionWords.Matching(names, word, Tooltip);
        return string.Equals(parameterName, "Variable", StringComparison.OrdinalIgnoreCase)
            ? matches.Select(m => new CompletionResult($"@{{ {m.CompletionText} = '' }}", m.ListItemText, m.ResultType, m.ToolTip))
            : matches;
    }

    private static string Tooltip(string name)
    {
        var variable = ConfigurationVariables.Get(name);
        return $"{variable.Expected}; default '{variable.DefaultValue}'; {(variable.AppliesLive ? "applies live" : "needs a restart")}";
    }
}
