<#
.SYNOPSIS
    Generates the module's MAML help file from the PlatyPS-layout markdown in docs/cmdlets.

.DESCRIPTION
    PlatyPS is not available offline, so this script reads the same markdown layout PlatyPS writes
    (## SYNOPSIS, ## SYNTAX, ## DESCRIPTION, ## EXAMPLES with ### Example N, ## PARAMETERS with a
    yaml block per parameter, ## INPUTS, ## OUTPUTS, ## NOTES, ## RELATED LINKS) and writes the
    MAML file Get-Help reads. The markdown is the one source of help; nothing is maintained twice.

.PARAMETER Path
    The folder of cmdlet markdown files (one <Verb-Noun>.md per cmdlet).

.PARAMETER OutputPath
    The MAML file to write, such as out/VpcCni/en-US/VpcCni.PowerShell.dll-Help.xml.

.EXAMPLE
    ./build/New-MamlHelp.ps1 -Path docs/cmdlets -OutputPath out/VpcCni/en-US/VpcCni.PowerShell.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Split-Section {
    # Splits markdown lines into an ordered map: heading text → lines below it, for one heading level.
    param([string[]] $Lines, [string] $Prefix)
    $sections = [ordered]@{}
    $current = $null
    $fence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $fence = -not $fence }
        if (-not $fence -and $line.StartsWith($Prefix) -and -not $line.StartsWith($Prefix + '#')) {
            $current = $line.Substring($Prefix.Length).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $current) { $sections[$current].Add($line) }
    }
    return $sections
}

function Get-Paragraph {
    # Prose paragraphs (blank-line separated), outside code fences.
    param([string[]] $Lines)
    $paras = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $fence = $false
    foreach ($line in $Lines + '') {
        if ($line -match '^```') { $fence = -not $fence; continue }
        if ($fence) { continue }
        if ($line.Trim() -eq '') {
            if ($buffer.Count) { $paras.Add(($buffer -join ' ').Trim()); $buffer.Clear() }
        }
        else { $buffer.Add($line.Trim()) }
    }
    return , $paras
}

function Get-Fence {
    # The contents of each code fence, in order.
    param([string[]] $Lines)
    $blocks = [System.Collections.Generic.List[string]]::new()
    $buffer = $null
    foreach ($line in $Lines) {
        if ($line -match '^```') {
            if ($null -eq $buffer) { $buffer = [System.Collections.Generic.List[string]]::new() }
            else { $blocks.Add(($buffer -join "`n")); $buffer = $null }
        }
        elseif ($null -ne $buffer) { $buffer.Add($line) }
    }
    return , $blocks
}

function Write-Para {
    param([System.Xml.XmlWriter] $W, [string[]] $Paragraphs)
    if (-not $Paragraphs) { $Paragraphs = @('') }
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $W, $P)
    $W.WriteStartElement('command', 'parameter', $ns.command)
    $W.WriteAttributeString('required', $P.Required.ToLowerInvariant())
    $W.WriteAttributeString('variableLength', ($P.Type -like '*[[]]').ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', $P.Wildcard.ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $P.Pipeline)
    $W.WriteAttributeString('position', $P.Position.ToLowerInvariant())
    $W.WriteAttributeString('aliases', $P.Aliases)
    $W.WriteElementString('maml', 'name', $ns.maml, $P.Name)
    $W.WriteStartElement('maml', 'description', $ns.maml); Write-Para $W $P.Description; $W.WriteEndElement()
    if ($P.Type -ne 'SwitchParameter') {
        $W.WriteStartElement('command', 'parameterValue', $ns.command)
        $W.WriteAttributeString('required', 'true'); $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString($P.Type); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $ns.dev); $W.WriteElementString('maml', 'name', $ns.maml, $P.Type); $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $ns.dev, $P.Default)
    $W.WriteEndElement()
}

function Read-CommandHelp {
    param([string] $File)
    $lines = Get-Content -LiteralPath $File
    $top = Split-Section $lines '# '
    $name = @($top.Keys)[0]
    $sections = Split-Section $top[$name] '## '
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $sections.Contains($required)) { throw "$File has no '## $required' section." }
    }

    $examples = foreach ($entry in (Split-Section $sections['EXAMPLES'] '### ').GetEnumerator()) {
        $code = @(Get-Fence $entry.Value)
        if (-not $code) { throw "$File, '$($entry.Key)': an example needs a code block." }
        [pscustomobject]@{ Title = $entry.Key; Code = $code[0]; Remarks = Get-Paragraph $entry.Value }
    }
    $parameters = foreach ($entry in (Split-Section $sections['PARAMETERS'] '### ').GetEnumerator()) {
        if ($entry.Key -eq 'CommonParameters') { continue }
        $yaml = @{}
        foreach ($line in @(Get-Fence $entry.Value)[0] -split "`n") {
            if ($line -match '^([^:]+):\s*(.*)$') { $yaml[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        [pscustomobject]@{
            Name        = $entry.Key.TrimStart('-')
            Description = Get-Paragraph $entry.Value
            Type        = $yaml['Type']
            Aliases     = if ($yaml['Aliases']) { $yaml['Aliases'] } else { 'none' }
            Required    = $yaml['Required']
            Position    = $yaml['Position']
            Default     = $yaml['Default value']
            Pipeline    = $yaml['Accept pipeline input']
            Wildcard    = $yaml['Accept wildcard characters']
        }
    }
    $typed = {
        param($key)
        if (-not $sections.Contains($key)) { return @() }
        foreach ($e in (Split-Section $sections[$key] '### ').GetEnumerator()) {
            [pscustomobject]@{ Type = $e.Key; Description = Get-Paragraph $e.Value }
        }
    }
    [pscustomobject]@{
        Name        = $name
        Synopsis    = Get-Paragraph $sections['SYNOPSIS']
        Description = Get-Paragraph $sections['DESCRIPTION']
        Examples    = @($examples)
        Parameters  = @($parameters)
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = if ($sections.Contains('NOTES')) { Get-Paragraph $sections['NOTES'] } else { @() }
    }
}

$files = Get-ChildItem -LiteralPath $Path -Filter '*-*.md' | Sort-Object Name
if (-not $files) { throw "No cmdlet markdown found in $Path." }
New-Item -ItemType Directory -Force (Split-Path $OutputPath) | Out-Null
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$w = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $w.WriteStartDocument()
    $w.WriteStartElement('helpItems', 'http://msh')
    $w.WriteAttributeString('schema', 'maml')
    foreach ($file in $files) {
        $help = Read-CommandHelp $file.FullName
        $verb, $noun = $help.Name -split '-', 2
        $w.WriteStartElement('command', 'command', $ns.command)
        $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
        $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
        $w.WriteStartElement('command', 'details', $ns.command)
        $w.WriteElementString('command', 'name', $ns.command, $help.Name)
        $w.WriteElementString('command', 'verb', $ns.command, $verb)
        $w.WriteElementString('command', 'noun', $ns.command, $noun)
        $w.WriteStartElement('maml', 'description', $ns.maml); Write-Para $w $help.Synopsis; $w.WriteEndElement()
        $w.WriteEndElement()
        $w.WriteStartElement('maml', 'description', $ns.maml); Write-Para $w $help.Description; $w.WriteEndElement()

        $w.WriteStartElement('command', 'syntax', $ns.command)
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('maml', 'name', $ns.maml, $help.Name)
        # Positional parameters first, in position order, as PowerShell's own syntax lines show them.
        $ordered = $help.Parameters | Sort-Object { if ($_.Position -match '^\d+$') { [int] $_.Position } else { [int]::MaxValue } }, Name
        foreach ($p in $ordered) { Write-Parameter $w $p }
        $w.WriteEndElement(); $w.WriteEndElement()

        $w.WriteStartElement('command', 'parameters', $ns.command)
        foreach ($p in $help.Parameters) { Write-Parameter $w $p }
        $w.WriteEndElement()

        foreach ($kind in @(@('inputTypes', 'inputType', $help.Inputs), @('returnValues', 'returnValue', $help.Outputs))) {
            $w.WriteStartElement('command', $kind[0], $ns.command)
            foreach ($t in $kind[2]) {
                $w.WriteStartElement('command', $kind[1], $ns.command)
                $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, $t.Type); $w.WriteEndElement()
                $w.WriteStartElement('maml', 'description', $ns.maml); Write-Para $w $t.Description; $w.WriteEndElement()
                $w.WriteEndElement()
            }
            $w.WriteEndElement()
        }

        $w.WriteStartElement('maml', 'alertSet', $ns.maml)
        $w.WriteStartElement('maml', 'alert', $ns.maml); Write-Para $w $help.Notes; $w.WriteEndElement()
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'examples', $ns.command)
        foreach ($e in $help.Examples) {
            $w.WriteStartElement('command', 'example', $ns.command)
            $w.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($e.Title) --------------------------")
            $w.WriteElementString('dev', 'code', $ns.dev, $e.Code)
            $w.WriteStartElement('dev', 'remarks', $ns.dev); Write-Para $w $e.Remarks; $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndDocument()
}
finally {
    $w.Dispose()
}
Write-Host "Wrote help for $($files.Count) cmdlets to $OutputPath"
