import Hummingbird
import Mustache
import SQLKit
import SQLiteKit
import PostgresKit
import ArgumentParser
print("hi")
