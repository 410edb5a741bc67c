using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Store;
using Ikosa.Host.Game;
using Ikosa.Tests.Rules;

namespace Ikosa.Tests.Host;

/// <summary>Games saved when a creature's memory of a scene was one set of squares open with it kept per block.</summary>
public class ExploredCellsUpgradeTests
{
    [Fact]
    public void Each_creature_s_set_of_squares_becomes_its_blocks_and_sets_of_creatures_gone_are_dropped()
    {
        using var gate = new ModelGate(GameHost.Types(), new InMemoryStore());
        var cellar = EntityId.Named("test:scene:upgrade-cellar");
        var hero = Arena.Fighter("Hero", new Cell(1, 1));
        var remembered = new[] { new Cell(0, 0), new Cell(1, 1), new Cell(40, 3) };
        gate.Write(tx =>
        {
            foreach (var entity in SceneMap.FromRows("hall", Arena.Open(50, 5)).Entities()) tx.Put(entity);
            foreach (var entity in SceneMap.FromRows("cellar", Arena.Open(5, 5), cellar).Entities()) tx.Put(entity);
            Placement.Put(tx, tx.Put, hero);
            tx.Put(new ExploredCells(ExploredCells.KeyFor(hero.Id, Scene.Default), [.. remembered]));
            tx.Put(new ExploredCells(ExploredCells.KeyFor(hero.Id, cellar), [new Cell(2, 2)]));
            tx.Put(new ExploredCells(ExploredCells.KeyFor(EntityId.New(), Scene.Default), [new Cell(3, 3)])); // a creature since removed
        });

        gate.Write(ExploredCells.Upgrade);

        gate.Read(tx =>
        {
            Assert.Empty(tx.All<ExploredCells>());
            var hall = SceneMap.Of(tx, Scene.Default);
            Assert.Equal<Cell>(remembered, Exploration.Remembered(hall, Exploration.Blocks(tx, hero.Id, hall)));
            var below = SceneMap.Of(tx, cellar);
            Assert.Equal<Cell>([new Cell(2, 2)], Exploration.Remembered(below, Exploration.Blocks(tx, hero.Id, below)));
            Assert.Equal(3, tx.All<ExploredChunk>().Count());
            return 0;
        });
    }
}
