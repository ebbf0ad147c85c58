#Requires -Version 7.4
# The module's PowerShell conventions, checked on every cmdlet the manifest exports, so a new cmdlet
# cannot ship without them: a declared output type with a table view, ShouldProcess on every verb that
# changes something, and pipeline input by property name on a parameter of every cmdlet that reads a
# node, EC2 or a cluster.

BeforeDiscovery {
    $script:Commands = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../VpcCni.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop

    # Verbs whose cmdlets change a node, EC2, a cluster, a file or a process (about_Approved_Verbs).
    $script:Changing = 'Set', 'New', 'Remove', 'Add', 'Install', 'Uninstall', 'Stop', 'Export', 'Start'

    # Cmdlets that write nothing by design, each for its reason.
    $script:WritesNothing = @{
        'Stop-VpcCniSimulation' = 'stopping is its whole effect, as Stop-Process without -PassThru'
    }
}

Describe '<_> follows the module conventions' -Tag 'Unit' -ForEach $script:Commands {
    BeforeAll {
        $script:Command = Get-Command $_
        $script:Attribute = $script:Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
    }

    It 'declares an output type that has a table view' {
        if ($script:WritesNothing.ContainsKey($_)) {
            return
        }

        # Strings (-AsJson, YAML) and void (a removal that writes nothing) need no view.
        $types = @($script:Command.OutputType | Where-Object { $_.Type -and $_.Type -notin [string], [void] })
        if (@($script:Command.OutputType).Count -gt 0 -and $types.Count -eq 0) {
            return
        }

        $types | Should -Not -BeNullOrEmpty -Because "[OutputType] tells the pipeline and the help what $_ writes"
        foreach ($type in $types) {
            $views = @(Get-FormatData -TypeName $type.Type.FullName -PowerShellVersion $PSVersionTable.PSVersion |
                ForEach-Object FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })
            $views | Should -Not -BeNullOrEmpty -Because "$($type.Type.FullName) is shown as a table"
        }
    }

    It 'supports -WhatIf and -Confirm when its verb changes something' {
        if ($script:Command.Verb -notin $script:Changing) {
            return
        }

        # Start-VpcCniSimulation starts a child process in a temp directory and changes nothing else.
        if ($_ -eq 'Start-VpcCniSimulation') {
            return
        }

        $script:Attribute.SupportsShouldProcess | Should -BeTrue
        $script:Command.Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'binds at least one parameter from the pipeline' {
        $bound = $script:Command.Parameters.Values | Where-Object {
            $_.ParameterSets.Values | Where-Object { $_.ValueFromPipelineByPropertyName -or $_.ValueFromPipeline }
        }
        $bound | Should -Not -BeNullOrEmpty
    }
}
