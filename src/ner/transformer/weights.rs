//! `model.safetensors`: reading its table of contents (names, types,
//! shapes) without loading the weights, and copying the weights into the
//! variables of a rust-bert model.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use safetensors::tensor::{Dtype, SafeTensors};
use tch::{nn::VarStore, Kind, Tensor};

use crate::error::{Error, Location, Result};

/// One tensor listed in a safetensors header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorEntry {
    /// Element type as written in the file (`F32`, `F16`, `BF16`, ...).
    pub dtype: String,
    /// Dimensions.
    pub shape: Vec<usize>,
}

/// The tensors a safetensors file holds, by name.
#[derive(Clone, Debug, Default)]
pub struct WeightIndex {
    /// Tensors by name.
    pub tensors: HashMap<String, TensorEntry>,
}

/// Headers larger than this are not safetensors files worth reading.
const MAX_HEADER: u64 = 100 << 20;

impl WeightIndex {
    /// Reads the header of the safetensors file at `path`.
    pub fn read(path: &Path) -> Result<WeightIndex> {
        let location = Location::path(path);
        let bad = |message: String| Error::model(location.clone(), message);
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        let mut size = [0u8; 8];
        file.read_exact(&mut size)
            .map_err(|_| bad("too short for a safetensors file".into()))?;
        let size = u64::from_le_bytes(size);
        if size > MAX_HEADER {
            return Err(bad(format!(
                "header of {size} bytes: not a safetensors file"
            )));
        }
        let mut header = vec![0u8; size as usize];
        file.read_exact(&mut header)
            .map_err(|_| bad("the header is cut short".into()))?;
        let value: serde_json::Value = serde_json::from_slice(&header)
            .map_err(|e| bad(format!("the header is not valid JSON: {e}")))?;
        let map = value
            .as_object()
            .ok_or_else(|| bad("the header is not a JSON object".into()))?;
        let mut tensors = HashMap::new();
        for (name, info) in map {
            if name == "__metadata__" {
                continue;
            }
            let dtype = info.get("dtype").and_then(|d| d.as_str());
            let shape: Option<Vec<usize>> = info.get("shape").and_then(|s| {
                s.as_array()?
                    .iter()
                    .map(|d| d.as_u64().map(|d| d as usize))
                    .collect()
            });
            match (dtype, shape) {
                (Some(dtype), Some(shape)) => {
                    tensors.insert(
                        name.clone(),
                        TensorEntry {
                            dtype: dtype.to_string(),
                            shape,
                        },
                    );
                }
                _ => return Err(bad(format!("tensor `{name}` has no dtype or shape"))),
            }
        }
        Ok(WeightIndex { tensors })
    }

    /// The entry for a model variable, under its name or its older alias.
    pub fn find(&self, name: &str) -> Option<(&str, &TensorEntry)> {
        std::iter::once(name.to_string())
            .chain(alias(name))
            .find_map(|n| self.tensors.get_key_value(&n))
            .map(|(n, e)| (n.as_str(), e))
    }
}

/// Older checkpoints name layer-norm parameters `gamma`/`beta`.
fn alias(name: &str) -> Option<String> {
    if let Some(stem) = name.strip_suffix("LayerNorm.weight") {
        Some(format!("{stem}LayerNorm.gamma"))
    } else {
        name.strip_suffix("LayerNorm.bias")
            .map(|stem| format!("{stem}LayerNorm.beta"))
    }
}

fn kind_of(dtype: Dtype) -> Option<Kind> {
    Some(match dtype {
        Dtype::F32 => Kind::Float,
        Dtype::F16 => Kind::Half,
        Dtype::BF16 => Kind::BFloat16,
        Dtype::F64 => Kind::Double,
        _ => return None,
    })
}

/// Copies every variable of `store` from the safetensors file at `path`,
/// converting to the variable's type; names a missing tensor or a shape
/// that does not match the model built from `config.json`.
pub fn load_weights(store: &VarStore, path: &Path) -> Result<()> {
    let location = Location::path(path);
    let bad = |message: String| Error::model(location.clone(), message);
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    // SAFETY: the map is only read, and only while this function runs; a
    // file truncated by another process meanwhile is outside what the model
    // folder contract allows (it would be a bus error, as for any reader
    // mapping files, e.g. Hugging Face's).
    let bytes = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(path, e))?;
    let file = SafeTensors::deserialize(&bytes)
        .map_err(|e| bad(format!("not a readable safetensors file: {e:?}")))?;
    let mut variables: Vec<(String, Tensor)> = store.variables().into_iter().collect();
    variables.sort_by(|a, b| a.0.cmp(&b.0));
    let mut missing = Vec::new();
    for (name, mut variable) in variables {
        let view = std::iter::once(name.clone())
            .chain(alias(&name))
            .find_map(|n| file.tensor(&n).ok());
        let Some(view) = view else {
            missing.push(name);
            continue;
        };
        let shape: Vec<i64> = view.shape().iter().map(|&d| d as i64).collect();
        if shape != variable.size() {
            return Err(bad(format!(
                "`{name}` has shape {shape:?}, but config.json makes it {:?}",
                variable.size()
            )));
        }
        let kind = kind_of(view.dtype()).ok_or_else(|| {
            bad(format!(
                "`{name}` holds {:?} values; only floating-point weights can be loaded",
                view.dtype()
            ))
        })?;
        let source = Tensor::f_from_data_size(view.data(), &shape, kind)
            .map_err(|e| bad(format!("`{name}`: {e}")))?;
        tch::no_grad(|| variable.f_copy_(&source)).map_err(|e| bad(format!("`{name}`: {e}")))?;
    }
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        return Err(bad(format!(
            "{} weights the model needs are missing, e.g. {}",
            missing.len(),
            shown.join(", ")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_norm_aliases() {
        assert_eq!(
            alias("bert.embeddings.LayerNorm.weight").as_deref(),
            Some("bert.embeddings.LayerNorm.gamma")
        );
        assert_eq!(
            alias("bert.embeddings.LayerNorm.bias").as_deref(),
            Some("bert.embeddings.LayerNorm.beta")
        );
        assert_eq!(alias("classifier.weight"), None);
    }

    #[test]
    fn header_of_a_file_that_is_not_safetensors_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.safetensors");
        std::fs::write(&path, b"\xff\xff\xff\xff\xff\xff\xff\xffgarbage").unwrap();
        let err = WeightIndex::read(&path).unwrap_err().to_string();
        assert!(err.contains("not a safetensors file"), "{err}");
        std::fs::write(&path, b"abc").unwrap();
        assert!(WeightIndex::read(&path).is_err());
    }
}
