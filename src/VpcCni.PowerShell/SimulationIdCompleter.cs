using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.PowerShell.Simulation;

namespace VpcCni.PowerShell;

/// <summary>Completes the process ids of the simulations this session started.</summary>
public sealed class SimulationIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var simulations = SimulationRegistry.All();
        return CompletionWords.Matching(simulations.Select(s => s.ProcessId.ToString(CultureInfo.InvariantCulture)), wordToComplete,
            id => simulations.First(s => s.ProcessId.ToString(CultureInfo.InvariantCulture) == id).Endpoint);
    }
}
