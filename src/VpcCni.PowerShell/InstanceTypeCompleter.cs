using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using VpcCni.Engine.Limits;

namespace VpcCni.PowerShell;

/// <summary>Completes instance-type names from the built-in table, with each type's limits as the tooltip.</summary>
public sealed class InstanceTypeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var catalog = InstanceTypeCatalog.Embedded;
        return CompletionWords.Matching(catalog.All.Select(l => l.InstanceType), wordToComplete, type =>
        {
            var limits = catalog.Get(type);
            return string.Create(CultureInfo.InvariantCulture, $"{limits.InstanceType}: {limits.EniLimit} ENIs × {limits.Ipv4PerEni} IPv4, {limits.EffectiveVCpus} vCPUs, {limits.Hypervisor}");
        });
    }
}
